"""Evidence files people attach to outside learning: what a file is (from its content), the name it is shown
and downloaded under, and the folder that keeps it. No Flask, no database: the queries and views use these."""
