"""The researcher's lists in the app: saved searches, search history, collections, reading state."""
