"""Review mode: the queue a reviewer walks by keyboard, comments, shortcuts and preferences."""
