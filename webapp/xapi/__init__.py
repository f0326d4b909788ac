"""xAPI 1.0.3 statements for a department's learning record store (LRS): what Data Day says about a person's
learning (settings, statement builders) and how it is sent (lrs). No Flask and no database here: the queue
table is webapp.models.xapi, queued and claimed by webapp.queries.xapi_queue, sent by `flask xapi send`."""
