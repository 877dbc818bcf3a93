"""One invented hearing as four outlets report it, each in its own words (not copies of each other): the
stories the claim-moving and re-clustering tests build around it (test_claim_moves, test_recluster_handoff,
test_claim_moves_readers)."""

HEARING = {
    "Harbour Ledger": "The Quillon harbour tunnel hearing opened in Marrowby, where the dredging contractor "
    "Pellbrook faced questions over the flooded tunnel and the harbour district's lost moorings.",
    "Marrowby Post": "Pellbrook, the dredging contractor blamed for the flooded Quillon tunnel, answered "
    "residents of the harbour district in Marrowby as the hearing on the lost moorings began.",
    "Quay Weekly": "In Marrowby the hearing over the Quillon harbour tunnel flooding heard the dredging "
    "firm Pellbrook defend its pumps, while harbour district moorings stay closed.",
    "Tidewater Review": "Harbour district residents packed the Marrowby hearing where Pellbrook, whose "
    "dredging preceded the Quillon tunnel flood, was asked about the closed moorings.",
}
