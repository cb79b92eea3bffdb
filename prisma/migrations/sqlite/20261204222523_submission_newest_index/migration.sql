-- DropIndex
DROP INDEX "Submission_userId_exerciseId_idx";

-- CreateIndex
CREATE INDEX "Submission_userId_exerciseId_createdAt_idx" ON "Submission"("userId", "exerciseId", "createdAt");

