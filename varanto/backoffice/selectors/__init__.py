"""Read queries and computed views of the working model for the back office."""
