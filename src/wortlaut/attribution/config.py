"""Settings of the learned attribution stage, and the names of its model files."""

from __future__ import annotations

from dataclasses import dataclass, field

CUE_MODEL = "spkatt_cue.crfsuite"
ROLE_MODEL = "spkatt_roles.crfsuite"
SENTENCE_MODEL = "spkatt_sentences.crfsuite"  # optional third model: cue-less statements
NEURAL_CUE_MODEL = "spkatt_cue_neural.npz"  # optional: BiLSTMs averaged with the cue and role CRFs
NEURAL_ROLE_MODEL = "spkatt_roles_neural.npz"
# the model files, in the order of ``Attributor``'s arguments
MODEL_FILES = (CUE_MODEL, ROLE_MODEL, SENTENCE_MODEL, NEURAL_CUE_MODEL, NEURAL_ROLE_MODEL)

# Refinements of the taggers' reading, each named; a config leaves one out to ablate it.
DECODING = (
    "complete_cues",  # a cue is the whole verb complex: "hatte … angekündigt", "gab … bekannt"
    "connected_messages",  # only the message stretches that belong together
    "appositions",  # "Günther Platter, der Verteidigungsminister, sagte": the source takes its apposition
    "outside_cue_clause",  # a verb cue's message lies outside the cue's own clause
    "relative_heads",  # a message opening with a relative pronoun takes the noun it refers to
    "implausible_cues",  # no learned cue of only an auxiliary, a particle, or temporal "nach"
    "quoted_names",  # "die Zeitung „Yemen Observer“": a quoted name is no statement
    "keep_continuations",  # the rules' Konjunktiv-I continuations stay statements of their own
)
# Steps after learned and rule statements are merged, in order (see ``attribution.steps``).
STEPS = (
    "colon_cues", "anaphoric_content", "complete_cues", "self_source_cues", "named_sources", "missing_sources",
    "fronted_nominal_cues", "passive_addressees", "pronoun_subjects", "tidy_sources", "source_attributes",
    "source_appositions", "cueless_sentences", "join_continuations",
)
MERGE_POLICIES = ("carry", "replace")
ROLES = ("cue", "content", "source", "addressee")


@dataclass(frozen=True)
class AttributionConfig:
    models: str | None = field(default=None, metadata={
        "help": "folder with the attribution model files (default: the models shipped in the package)"})
    neural_cue_weight: float = field(default=0.5, metadata={
        "help": "weight of the BiLSTM cue tagger's probabilities against the cue CRF's marginals"})
    neural_role_weight: float = field(default=0.5, metadata={
        "help": "weight of a BiLSTM role tagger's probabilities against the role CRF's marginals"})
    decoding: tuple[str, ...] = field(default=DECODING, metadata={
        "help": "refinements of the taggers' reading, by name: " + ", ".join(DECODING)})
    merge_policy: str = field(default="carry", metadata={
        "help": "how learned statements meet the rule statements they overlap: 'carry' (a precise rule "
                "statement keeps what the user sees and takes the learned SpkAtt roles) or 'replace'"})
    adopted_roles: tuple[str, ...] = field(default=("cue", "content", "addressee"), metadata={
        "help": "learned roles a precise rule statement takes (of cue, content, source, addressee)"})
    adopt_missing_source: bool = field(default=True, metadata={
        "help": "a precise rule statement without a source takes the learned one"})
    adopt_form: bool = field(default=True, metadata={
        "help": "a rule speech act the learned tagger reads with a clause of its own becomes indirect speech"})
    drop_unconfirmed_reported: bool = field(default=False, metadata={
        "help": "drop rule speech acts that no learned cue confirms"})
    steps: tuple[str, ...] = field(default=STEPS, metadata={
        "help": "steps after the merge, in order: " + ", ".join(STEPS)})
    sentence_threshold: float = field(default=0.35, metadata={
        "help": "probability the sentence tagger needs to make a sentence a cue-less statement"})
    max_source_distance: int = field(default=3, metadata={
        "help": "sentences back to the statement whose speaker a cue-less continuation takes"})
    drop_reported: float | None = field(default=None, metadata={
        "help": "drop rule speech acts in sentences read as no statement with at least this probability"})

    def __post_init__(self) -> None:
        for name, known in (("decoding", DECODING), ("steps", STEPS), ("adopted_roles", ROLES)):
            unknown = [value for value in getattr(self, name) if value not in known]
            if unknown:
                raise ValueError(f"attribution.{name}: unknown {', '.join(map(repr, unknown))}; "
                                 f"known: {', '.join(known)}")
        if self.merge_policy not in MERGE_POLICIES:
            raise ValueError(f"attribution.merge_policy must be one of {', '.join(MERGE_POLICIES)}, "
                             f"not {self.merge_policy!r}")
