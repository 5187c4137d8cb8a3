"""The questionnaire schema and the answers to it: pure logic, no UI imports."""
