"""Reply templates (the manager) and the acknowledgement / promise dialogs built on them."""
