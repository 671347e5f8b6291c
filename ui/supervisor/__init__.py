"""The supervisor's side of the window: the dashboard of their doctors."""
