"""The duplicates room: likely duplicate pairs, merged or dismissed from one dialog."""
