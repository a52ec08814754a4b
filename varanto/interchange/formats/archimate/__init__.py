"""ArchiMate 3.1 Model Exchange File Format (`--format archimate`): export (`export`) and import (`reading`)."""
