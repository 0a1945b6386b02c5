"""The Qt desktop app on top of desktop.core."""
