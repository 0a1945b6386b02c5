"""The reader: an article's clean text with its header, hit highlights, find bar and original."""
