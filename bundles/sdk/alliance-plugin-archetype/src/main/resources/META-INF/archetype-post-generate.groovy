// Keeps the implementation (and its test) of the extension point chosen with -DextensionPoint, removes the others.
def implementations = [
    'factor-source'   : 'MethaneCombustionFactors',
    'onboarding-check': 'ContactDomainCheck',
    'licence-policy'  : 'TerminationHistoryPolicy',
    'payload-decoder' : 'CsvMeterDecoder',
]
def chosen = request.properties.get('extensionPoint')
def project = new File(request.outputDirectory, request.artifactId)
def folder = request.properties.get('package').replace('.', '/')
implementations.each { point, name ->
    if (point != chosen) {
        new File(project, "src/main/java/${folder}/${name}.java").delete()
        new File(project, "src/test/java/${folder}/${name}Test.java").delete()
    }
}
