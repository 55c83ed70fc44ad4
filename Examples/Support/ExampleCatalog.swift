/// Every example, in the order of SCENARIOS.md.
enum ExampleCatalog {
    static let all: [any Example.Type] = highLevelManager + highLevelNotification + nativeCommandGenerator
        + nativeCommandResponder + nativeNotificationOriginator + nativeNotificationReceiver

    static let highLevelManager: [any Example.Type] = [
        V1Get.self, V2cGet.self, V2cGetBulk.self, UsmNoneNone.self,
        UsmMD5None.self, UsmMD5DES.self, UsmSHAAES128.self, UsmMasterKeys.self,
        UsmLocalizedKeys.self, SpecificV3EngineID.self, CustomV3SecurityName.self, CustomContextEngineID.self,
        CustomContextName.self, CustomContextEngineIDAndContextName.self, CustomTimeoutAndRetries.self, FetchVariablesOverIPv6.self,
        MultipleGetCalls.self, SetMultipleScalarValues.self, CoerceSetValueToMIBSpec.self, GetTableObjectByIndex.self,
        GetTableObjectByMultipleIndices.self, PullWholeMIB.self, PullWholeSNMPTable.self, GetNextMultipleOIDsToEOM.self,
        GetNextLimitNumberOfVariables.self, GetBulkLimitNumberOfVariables.self, GetBulkLimitNumberOfPackets.self, GetBulkFetchScalarAndTableVariablesOverIPv6.self,
        WaiveMIBLookup.self, CustomASN1MIBSearchPath.self, CustomPySNMPMIBsSearchPath.self, PreloadPySNMPMIBs.self,
        MultipleConcurrentQueriesOverIPv4AndIPv6.self, PullMIBsFromMultipleAgentsAtOnceOverIPv4AndIPv6.self, QueryMultipleSNMPEnginesOverIPv4AndIPv6.self, QueryAgentsFromMultipleThreadsOverIPv4AndIPv6.self,
    ]
    static let highLevelNotification: [any Example.Type] = [
        DefaultV1Trap.self, CustomV1Trap.self, SendNotificationWithAdditionalVarbinds.self,
        V2cTrapWithNotificationObjects.self, V3Trap.self, V3Inform.self,
        NotificationCustomContextEngineID.self, NotificationCustomContextName.self, MultipleTrapsAtOnce.self,
        MultipleInformsAtOnce.self, RunningMultipleSNMPEnginesAtOnce.self,
    ]
    static let nativeCommandGenerator: [any Example.Type] = [
        NativeV1Get.self, NativeV2cSet.self, NativeUsmSHAAES128.self,
        NativeUsmSHANone.self, NativeCustomContextEngineIDAndContextName.self, NativeCustomTimeoutAndRetries.self,
        NativeFetchVariablesOverIPv6.self, NativeGetBulkFetchScalarAndTableVariables.self, NativeGetBulkMultipleOIDsToEOM.self,
        NativeGetNextMultipleOIDsToEOM.self, NativeGetNextMultipleOIDsAndResolveWithMIB.self, NativePullSubtree.self,
        SendPacketsFromSpecificInterface.self,
    ]
    static let nativeCommandResponder: [any Example.Type] = [
        ImplementingScalarMIBObjects.self, ImplementingSNMPTable.self, ImplementingDynamicSNMPTable.self,
        CustomMIBController.self, AlternativeMIBTree.self, CustomSNMPEngineID.self, DetailedVACMConfiguration.self,
        MultipleSNMPCommunities.self, MultipleUSMUsers.self, MultipleSNMPContexts.self, MultipleSNMPEngines.self,
        ListenOnIPv4AndIPv6Interfaces.self, ListenOnMultipleInterfaces.self, ListeningOnVirtualNetworkInterface.self,
    ]
    static let nativeNotificationOriginator: [any Example.Type] = [
        NativeV1Trap.self, NativeV2cTrap.self, NativeV2cInform.self,
        NativeV3Trap.self, NativeUsmMD5None.self, NativeV2cTrapViaNotificationType.self,
        NativeV2cTrapWithNotificationObjects.self, SendTrapToMultipleManagers.self, SendInformToMultipleManagers.self,
        MultipleDifferentNotificationsAtOnce.self, SendCustomPDU.self, SendNotificationOverIPv4AndIPv6.self,
        SendPacketFromSpecificAddress.self,
    ]
    static let nativeNotificationReceiver: [any Example.Type] = [
        NativeMultipleUSMUsers.self, MultipleNetworkInterfaces.self, MultipleNetworkTransports.self,
        MultipleNetworkTransportsInclIPv4AndIPv6.self, DeterminePeerNetworkAddress.self, ObserveRequestProcessing.self,
        ObserveRequestProcessingOverIPv4AndIPv6.self, RegexpCommunityName.self,
    ]

    /// The scenarios of SCENARIOS.md without an example yet, and what they wait for.
    static let pending: [(name: String, summary: String)] = [
        ("cmdgen/observe-request-processing", "needs a dispatcher hook reporting each message's processing details"),
        ("cmdgen/spoof-source-address", "needs raw sockets"),
        ("cmdrsp/observe-request-processing", "needs a dispatcher hook reporting each message's processing details"),
        ("proxy/v2c-to-v1-conversion", "needs the proxy forwarder (RFC 3413 §3.5, RFC 3584 rules)"),
        ("proxy/v2c-to-v3-conversion", "needs the proxy forwarder"),
        ("proxy/v3-to-v2c-conversion", "needs the proxy forwarder"),
        ("proxy/udp6-to-udp4-conversion", "needs the proxy forwarder"),
        ("proxy/ipv6-to-ipv4-conversion", "needs the proxy forwarder"),
    ]

    /// `snmp-examples list`: one line per example under its group's heading.
    static func listing() -> String {
        let width = all.map { $0.id.count }.max().map { $0 + 2 } ?? 40
        var text = ""
        for group in ExampleGroup.allCases {
            text += "\(group.title):\n"
            for example in all where example.group == group {
                text += "  " + example.id.padding(toLength: width, withPad: " ", startingAt: 0) + example.summary + "\n"
            }
            text += "\n"
        }
        text += "Pending (no example yet):\n"
        for (name, summary) in pending { text += "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + summary + "\n" }
        return text
    }

    /// The README's scenario index: one table per group, each example linked to its file.
    static func markdownIndex() -> String {
        var text = ""
        for group in ExampleGroup.allCases {
            text += "### \(group.title)\n\n| Example | What it shows |\n|---|---|\n"
            for example in all where example.group == group {
                text += "| [`\(example.id)`](\(example.file)) | \(example.summary) |\n"
            }
            text += "\n"
        }
        text += "### Pending\n\n| Scenario | Waits for |\n|---|---|\n"
        for (name, summary) in pending { text += "| `\(name)` | \(summary) |\n" }
        return text
    }
}
