"""The shared team library on a PostgreSQL server.

``address`` parses ``postgresql://user[:password]@host[:port]/db``; ``connection``
talks to the server through pg8000 and looks to the store classes like SQLite's
connection (the same SQL runs on both, ``core/store/dialect``); ``schema`` runs
the store's migrations, translated; ``library.ServerLibrary`` is the library.
"""
