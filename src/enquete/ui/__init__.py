"""The Textual app: screens, widgets and dialogs. Everything else in enquete works without it."""
