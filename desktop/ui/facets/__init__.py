"""The facet sidebar: sites, years and tags with counts; clicking toggles a filter."""
