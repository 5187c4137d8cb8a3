"""Reading and writing files safely: pure logic, no UI imports."""
