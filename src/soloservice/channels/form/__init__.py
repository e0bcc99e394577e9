"""channels/form layer."""
