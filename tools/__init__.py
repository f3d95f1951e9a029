"""Scripts for the project's own upkeep (the README's screenshots); not part of the package."""
