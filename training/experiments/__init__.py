"""One-off experiments whose measurements the model cards and notes cite; each says in its
docstring what it measured and how to run it (``python -m training.experiments.<name>``)."""
