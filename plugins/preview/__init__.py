"""`invoke serve`: a preview of the site that rebuilds on every save, reloads
the open page and shows a failed build's errors in it. Not a Pelican plugin."""
