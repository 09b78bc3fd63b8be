import ReproCLI

Repro.runMain()
