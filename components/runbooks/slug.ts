/** "Database connection exhaustion!" → "database-connection-exhaustion": a slug suggested from a title. */
export { slugify as slugFromTitle } from "@/lib/slug";
