/**
 * The new-lesson form's course choice that asks for a new studio course. Not a course id (ids are kebab-case), so
 * it can share the course select with them. Its own module: a 'use server' file exports only async functions.
 */
export const NEW_COURSE = '+new'
