"""Files the app ships: self-test fixture, translations and icons."""
