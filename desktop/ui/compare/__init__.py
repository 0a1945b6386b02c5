"""Compare and text-reuse widgets: the side-by-side compare view, similar articles, clusters."""
