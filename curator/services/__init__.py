"""What Curator does: operations shared by the window, the command line and the tests."""
