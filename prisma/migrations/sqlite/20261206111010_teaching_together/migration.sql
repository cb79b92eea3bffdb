-- CreateTable
CREATE TABLE "CoTeacher" (
    "classroomId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("classroomId", "userId"),
    CONSTRAINT "CoTeacher_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LessonDeadline" (
    "classroomId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("classroomId", "lessonId"),
    CONSTRAINT "LessonDeadline_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeacherComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" DATETIME,
    CONSTRAINT "TeacherComment_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeacherComment_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CoTeacher_userId_idx" ON "CoTeacher"("userId");

-- CreateIndex
CREATE INDEX "TeacherComment_learnerId_readAt_idx" ON "TeacherComment"("learnerId", "readAt");

-- CreateIndex
CREATE INDEX "TeacherComment_learnerId_exerciseId_idx" ON "TeacherComment"("learnerId", "exerciseId");

-- CreateIndex
CREATE INDEX "TeacherComment_classroomId_exerciseId_idx" ON "TeacherComment"("classroomId", "exerciseId");

