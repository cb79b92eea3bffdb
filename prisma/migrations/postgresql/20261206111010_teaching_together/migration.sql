-- CreateTable
CREATE TABLE "CoTeacher" (
    "classroomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoTeacher_pkey" PRIMARY KEY ("classroomId","userId")
);

-- CreateTable
CREATE TABLE "LessonDeadline" (
    "classroomId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LessonDeadline_pkey" PRIMARY KEY ("classroomId","lessonId")
);

-- CreateTable
CREATE TABLE "TeacherComment" (
    "id" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "exerciseId" TEXT NOT NULL,
    "submissionId" TEXT,
    "checkId" TEXT,
    "groupKey" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "TeacherComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoTeacher_userId_idx" ON "CoTeacher"("userId");

-- CreateIndex
CREATE INDEX "TeacherComment_learnerId_readAt_idx" ON "TeacherComment"("learnerId", "readAt");

-- CreateIndex
CREATE INDEX "TeacherComment_learnerId_exerciseId_idx" ON "TeacherComment"("learnerId", "exerciseId");

-- CreateIndex
CREATE INDEX "TeacherComment_classroomId_exerciseId_idx" ON "TeacherComment"("classroomId", "exerciseId");

-- AddForeignKey
ALTER TABLE "CoTeacher" ADD CONSTRAINT "CoTeacher_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoTeacher" ADD CONSTRAINT "CoTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LessonDeadline" ADD CONSTRAINT "LessonDeadline_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherComment" ADD CONSTRAINT "TeacherComment_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherComment" ADD CONSTRAINT "TeacherComment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

