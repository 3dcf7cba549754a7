"""The signed push of every publication and withdrawal to an external knowledge platform.

`signing` holds the scheme a receiver checks; `receivers` records a Delivery for each change and
sends it through the `knowledge.push_delivery` task; the secretariat follows deliveries, and sends
one again, on the Deliveries page (`views`).
"""
