"""Team sync widgets shared by the sync page and the case view's conflicts tab."""
