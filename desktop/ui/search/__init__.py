"""The app's search: the search box (``bar``), what it asks and shows (``controller``),
the one search thread (``service``) and the read side it runs there (``backend``)."""
