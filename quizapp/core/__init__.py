"""Home, language switch, error pages, security headers and the database backup."""
