-- CreateTable
CREATE TABLE "StudioLesson" (
    "courseId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "afterLessonId" TEXT,
    "lessonYaml" TEXT NOT NULL,
    "pageKo" TEXT NOT NULL,
    "pageEn" TEXT NOT NULL,
    "exerciseYaml" TEXT,
    "quizYaml" TEXT,
    "draftVersion" INTEGER NOT NULL DEFAULT 1,
    "draftSavedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "draftSavedById" TEXT,
    "draftSavedByLabel" TEXT NOT NULL,
    "publishedNumber" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("courseId", "lessonId")
);

-- CreateTable
CREATE TABLE "StudioLessonVersion" (
    "courseId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "lessonYaml" TEXT NOT NULL,
    "pageKo" TEXT NOT NULL,
    "pageEn" TEXT NOT NULL,
    "exerciseYaml" TEXT,
    "quizYaml" TEXT,
    "note" TEXT,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("courseId", "lessonId", "number"),
    CONSTRAINT "StudioLessonVersion_courseId_lessonId_fkey" FOREIGN KEY ("courseId", "lessonId") REFERENCES "StudioLesson" ("courseId", "lessonId") ON DELETE CASCADE ON UPDATE CASCADE
);

