"""The result list: model (rows and roles), delegate (painting) and view (keyboard)."""
