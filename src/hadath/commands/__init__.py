"""Sub-commands of the `hadath` program (see `hadath.cli`)."""
