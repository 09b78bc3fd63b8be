public enum ReproExperimentsPlaceholder {}
