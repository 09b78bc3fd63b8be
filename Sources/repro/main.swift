import ReproCLI

Repro.main()
