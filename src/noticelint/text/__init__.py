"""Reading wording: the text fields of a statement, sentences, organisation names, links, and the
literal pre-tests that keep patterns away from text they cannot match. Finds things; decides nothing."""
