"""Archive Browser: an offline desktop library for collections of web articles.

The package constants below are the single source for the app's identity; the
packaging spec and the UI import them from here.
"""

__version__ = "0.1.0"

APP_NAME = "Archive Browser"
APP_SLUG = "archive-browser"
APP_ID = "org.archivebrowser.ArchiveBrowser"
ORG_NAME = "Archive Browser"
