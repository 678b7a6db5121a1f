"""newsbrowse's terminal front: the Textual app and the command line."""
