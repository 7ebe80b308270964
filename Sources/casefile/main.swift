import CasefileCore

CasefileCLI.run()
