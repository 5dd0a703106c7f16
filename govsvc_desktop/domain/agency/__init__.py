"""The agency's obligations: licences, proposals, the nine-step cycle, deadlines, published lists, the catalogue, compliance and event logs."""
