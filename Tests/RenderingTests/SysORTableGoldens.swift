import SNMPMIB

// Generated from snmptable 5.9.3 against the interop agent (SNMPv2-MIB::sysORTable); $ marks line ends.
let sysORLabels: [String] = [
    "sysORID", "sysORDescr", "sysORUpTime",
]
let sysORRows: [SNMPTableLayout.Row] = [
    .init(index: "1", cells: ["SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance", "The SNMP Management Architecture MIB.", "0:0:00:00.00"]),
    .init(index: "2", cells: ["SNMP-MPD-MIB::snmpMPDCompliance", "The MIB for Message Processing and Dispatching.", "0:0:00:00.00"]),
    .init(index: "3", cells: ["SNMP-USER-BASED-SM-MIB::usmMIBCompliance", "The management information definitions for the SNMP User-based Security Model.", "0:0:00:00.00"]),
    .init(index: "4", cells: ["SNMPv2-MIB::snmpMIB", "The MIB module for SNMPv2 entities", "0:0:00:00.00"]),
    .init(index: "5", cells: ["SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup", "View-based Access Control Model for SNMP.", "0:0:00:00.00"]),
    .init(index: "6", cells: ["TCP-MIB::tcpMIB", "The MIB module for managing TCP implementations", "0:0:00:00.00"]),
    .init(index: "7", cells: ["UDP-MIB::udpMIB", "The MIB module for managing UDP implementations", "0:0:00:00.00"]),
    .init(index: "8", cells: ["RFC1213-MIB::ip", "The MIB module for managing IP and ICMP implementations", "0:0:00:00.00"]),
    .init(index: "9", cells: ["SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance", "The MIB modules for managing SNMP Notification, plus filtering.", "0:0:00:00.00"]),
    .init(index: "10", cells: ["NOTIFICATION-LOG-MIB::notificationLogMIB", "The MIB module for logging SNMP Notifications.", "0:0:00:00.00"]),
]
let sysORGoldens: [(letters: [String], output: String)] = [
    ([], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
                                             sysORID                                                                     sysORDescr  sysORUpTime$
      SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance                                          The SNMP Management Architecture MIB. 0:0:00:00.00$
                     SNMP-MPD-MIB::snmpMPDCompliance                                The MIB for Message Processing and Dispatching. 0:0:00:00.00$
            SNMP-USER-BASED-SM-MIB::usmMIBCompliance The management information definitions for the SNMP User-based Security Model. 0:0:00:00.00$
                                 SNMPv2-MIB::snmpMIB                                             The MIB module for SNMPv2 entities 0:0:00:00.00$
             SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup                                      View-based Access Control Model for SNMP. 0:0:00:00.00$
                                     TCP-MIB::tcpMIB                                The MIB module for managing TCP implementations 0:0:00:00.00$
                                     UDP-MIB::udpMIB                                The MIB module for managing UDP implementations 0:0:00:00.00$
                                     RFC1213-MIB::ip                        The MIB module for managing IP and ICMP implementations 0:0:00:00.00$
     SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance                The MIB modules for managing SNMP Notification, plus filtering. 0:0:00:00.00$
            NOTIFICATION-LOG-MIB::notificationLogMIB                                 The MIB module for logging SNMP Notifications. 0:0:00:00.00$
    """),
    (["-Ci"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
     index                                         sysORID                                                                     sysORDescr  sysORUpTime$
         1  SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance                                          The SNMP Management Architecture MIB. 0:0:00:00.00$
         2                 SNMP-MPD-MIB::snmpMPDCompliance                                The MIB for Message Processing and Dispatching. 0:0:00:00.00$
         3        SNMP-USER-BASED-SM-MIB::usmMIBCompliance The management information definitions for the SNMP User-based Security Model. 0:0:00:00.00$
         4                             SNMPv2-MIB::snmpMIB                                             The MIB module for SNMPv2 entities 0:0:00:00.00$
         5         SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup                                      View-based Access Control Model for SNMP. 0:0:00:00.00$
         6                                 TCP-MIB::tcpMIB                                The MIB module for managing TCP implementations 0:0:00:00.00$
         7                                 UDP-MIB::udpMIB                                The MIB module for managing UDP implementations 0:0:00:00.00$
         8                                 RFC1213-MIB::ip                        The MIB module for managing IP and ICMP implementations 0:0:00:00.00$
         9 SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance                The MIB modules for managing SNMP Notification, plus filtering. 0:0:00:00.00$
        10        NOTIFICATION-LOG-MIB::notificationLogMIB                                 The MIB module for logging SNMP Notifications. 0:0:00:00.00$
    """),
    (["-Cb"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
                                                  ID                                                                          Descr       UpTime$
      SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance                                          The SNMP Management Architecture MIB. 0:0:00:00.00$
                     SNMP-MPD-MIB::snmpMPDCompliance                                The MIB for Message Processing and Dispatching. 0:0:00:00.00$
            SNMP-USER-BASED-SM-MIB::usmMIBCompliance The management information definitions for the SNMP User-based Security Model. 0:0:00:00.00$
                                 SNMPv2-MIB::snmpMIB                                             The MIB module for SNMPv2 entities 0:0:00:00.00$
             SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup                                      View-based Access Control Model for SNMP. 0:0:00:00.00$
                                     TCP-MIB::tcpMIB                                The MIB module for managing TCP implementations 0:0:00:00.00$
                                     UDP-MIB::udpMIB                                The MIB module for managing UDP implementations 0:0:00:00.00$
                                     RFC1213-MIB::ip                        The MIB module for managing IP and ICMP implementations 0:0:00:00.00$
     SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance                The MIB modules for managing SNMP Notification, plus filtering. 0:0:00:00.00$
            NOTIFICATION-LOG-MIB::notificationLogMIB                                 The MIB module for logging SNMP Notifications. 0:0:00:00.00$
    """),
    (["-Cl"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
    sysORID                                         sysORDescr                                                                     sysORUpTime  $
    SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance  The SNMP Management Architecture MIB.                                          0:0:00:00.00 $
    SNMP-MPD-MIB::snmpMPDCompliance                 The MIB for Message Processing and Dispatching.                                0:0:00:00.00 $
    SNMP-USER-BASED-SM-MIB::usmMIBCompliance        The management information definitions for the SNMP User-based Security Model. 0:0:00:00.00 $
    SNMPv2-MIB::snmpMIB                             The MIB module for SNMPv2 entities                                             0:0:00:00.00 $
    SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup         View-based Access Control Model for SNMP.                                      0:0:00:00.00 $
    TCP-MIB::tcpMIB                                 The MIB module for managing TCP implementations                                0:0:00:00.00 $
    UDP-MIB::udpMIB                                 The MIB module for managing UDP implementations                                0:0:00:00.00 $
    RFC1213-MIB::ip                                 The MIB module for managing IP and ICMP implementations                        0:0:00:00.00 $
    SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance The MIB modules for managing SNMP Notification, plus filtering.                0:0:00:00.00 $
    NOTIFICATION-LOG-MIB::notificationLogMIB        The MIB module for logging SNMP Notifications.                                 0:0:00:00.00 $
    """),
    (["-Cw", "60", "-Ci", "-Cb"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
     index                                              ID$
         1  SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance$
         2                 SNMP-MPD-MIB::snmpMPDCompliance$
         3        SNMP-USER-BASED-SM-MIB::usmMIBCompliance$
         4                             SNMPv2-MIB::snmpMIB$
         5         SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup$
         6                                 TCP-MIB::tcpMIB$
         7                                 UDP-MIB::udpMIB$
         8                                 RFC1213-MIB::ip$
         9 SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance$
        10        NOTIFICATION-LOG-MIB::notificationLogMIB$
    $
    SNMP table SNMPv2-MIB::sysORTable, part 2$
    $
     index                                                                          Descr$
         1                                          The SNMP Management Architecture MIB.$
         2                                The MIB for Message Processing and Dispatching.$
         3 The management information definitions for the SNMP User-based Security Model.$
         4                                             The MIB module for SNMPv2 entities$
         5                                      View-based Access Control Model for SNMP.$
         6                                The MIB module for managing TCP implementations$
         7                                The MIB module for managing UDP implementations$
         8                        The MIB module for managing IP and ICMP implementations$
         9                The MIB modules for managing SNMP Notification, plus filtering.$
        10                                 The MIB module for logging SNMP Notifications.$
    $
    SNMP table SNMPv2-MIB::sysORTable, part 3$
    $
     index       UpTime$
         1 0:0:00:00.00$
         2 0:0:00:00.00$
         3 0:0:00:00.00$
         4 0:0:00:00.00$
         5 0:0:00:00.00$
         6 0:0:00:00.00$
         7 0:0:00:00.00$
         8 0:0:00:00.00$
         9 0:0:00:00.00$
        10 0:0:00:00.00$
    """),
    (["-Cf", ",", "-Ci"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
    index,sysORID,sysORDescr,sysORUpTime$
    1,SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance,The SNMP Management Architecture MIB.,0:0:00:00.00$
    2,SNMP-MPD-MIB::snmpMPDCompliance,The MIB for Message Processing and Dispatching.,0:0:00:00.00$
    3,SNMP-USER-BASED-SM-MIB::usmMIBCompliance,The management information definitions for the SNMP User-based Security Model.,0:0:00:00.00$
    4,SNMPv2-MIB::snmpMIB,The MIB module for SNMPv2 entities,0:0:00:00.00$
    5,SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup,View-based Access Control Model for SNMP.,0:0:00:00.00$
    6,TCP-MIB::tcpMIB,The MIB module for managing TCP implementations,0:0:00:00.00$
    7,UDP-MIB::udpMIB,The MIB module for managing UDP implementations,0:0:00:00.00$
    8,RFC1213-MIB::ip,The MIB module for managing IP and ICMP implementations,0:0:00:00.00$
    9,SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance,The MIB modules for managing SNMP Notification, plus filtering.,0:0:00:00.00$
    10,NOTIFICATION-LOG-MIB::notificationLogMIB,The MIB module for logging SNMP Notifications.,0:0:00:00.00$
    """),
    (["-Cc", "12"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
         sysORID  sysORDescr sysORUpTime$
     SNMP-FRAMEW The SNMP Ma 0:0:00:00.0$
     SNMP-MPD-MI The MIB for 0:0:00:00.0$
     SNMP-USER-B The managem 0:0:00:00.0$
     SNMPv2-MIB: The MIB mod 0:0:00:00.0$
     SNMP-VIEW-B View-based  0:0:00:00.0$
     TCP-MIB::tc The MIB mod 0:0:00:00.0$
     UDP-MIB::ud The MIB mod 0:0:00:00.0$
     RFC1213-MIB The MIB mod 0:0:00:00.0$
     SNMP-NOTIFI The MIB mod 0:0:00:00.0$
     NOTIFICATIO The MIB mod 0:0:00:00.0$
    """),
    (["-Cc", "12", "-Cw", "40", "-Ci"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
         sysORID  sysORDescr sysORUpTime$
    $
    index: 1$
     SNMP-FRAMEW The SNMP Ma 0:0:00:00.0$
    $
    index: 2$
     SNMP-MPD-MI The MIB for 0:0:00:00.0$
    $
    index: 3$
     SNMP-USER-B The managem 0:0:00:00.0$
    $
    index: 4$
     SNMPv2-MIB: The MIB mod 0:0:00:00.0$
    $
    index: 5$
     SNMP-VIEW-B View-based  0:0:00:00.0$
    $
    index: 6$
     TCP-MIB::tc The MIB mod 0:0:00:00.0$
    $
    index: 7$
     UDP-MIB::ud The MIB mod 0:0:00:00.0$
    $
    index: 8$
     RFC1213-MIB The MIB mod 0:0:00:00.0$
    $
    index: 9$
     SNMP-NOTIFI The MIB mod 0:0:00:00.0$
    $
    index: 10$
     NOTIFICATIO The MIB mod 0:0:00:00.0$
    """),
    (["-CH"], """
      SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance                                          The SNMP Management Architecture MIB. 0:0:00:00.00$
                     SNMP-MPD-MIB::snmpMPDCompliance                                The MIB for Message Processing and Dispatching. 0:0:00:00.00$
            SNMP-USER-BASED-SM-MIB::usmMIBCompliance The management information definitions for the SNMP User-based Security Model. 0:0:00:00.00$
                                 SNMPv2-MIB::snmpMIB                                             The MIB module for SNMPv2 entities 0:0:00:00.00$
             SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup                                      View-based Access Control Model for SNMP. 0:0:00:00.00$
                                     TCP-MIB::tcpMIB                                The MIB module for managing TCP implementations 0:0:00:00.00$
                                     UDP-MIB::udpMIB                                The MIB module for managing UDP implementations 0:0:00:00.00$
                                     RFC1213-MIB::ip                        The MIB module for managing IP and ICMP implementations 0:0:00:00.00$
     SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance                The MIB modules for managing SNMP Notification, plus filtering. 0:0:00:00.00$
            NOTIFICATION-LOG-MIB::notificationLogMIB                                 The MIB module for logging SNMP Notifications. 0:0:00:00.00$
    """),
    (["-Ch"], """
     sysORID sysORDescr sysORUpTime$
    SNMPv2-MIB::sysORTable: No entries$
    """),
    (["-Cl", "-Ci", "-Cb"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
    index ID                                              Descr                                                                          UpTime       $
    1     SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance  The SNMP Management Architecture MIB.                                          0:0:00:00.00 $
    2     SNMP-MPD-MIB::snmpMPDCompliance                 The MIB for Message Processing and Dispatching.                                0:0:00:00.00 $
    3     SNMP-USER-BASED-SM-MIB::usmMIBCompliance        The management information definitions for the SNMP User-based Security Model. 0:0:00:00.00 $
    4     SNMPv2-MIB::snmpMIB                             The MIB module for SNMPv2 entities                                             0:0:00:00.00 $
    5     SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup         View-based Access Control Model for SNMP.                                      0:0:00:00.00 $
    6     TCP-MIB::tcpMIB                                 The MIB module for managing TCP implementations                                0:0:00:00.00 $
    7     UDP-MIB::udpMIB                                 The MIB module for managing UDP implementations                                0:0:00:00.00 $
    8     RFC1213-MIB::ip                                 The MIB module for managing IP and ICMP implementations                        0:0:00:00.00 $
    9     SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance The MIB modules for managing SNMP Notification, plus filtering.                0:0:00:00.00 $
    10    NOTIFICATION-LOG-MIB::notificationLogMIB        The MIB module for logging SNMP Notifications.                                 0:0:00:00.00 $
    """),
    (["-Cf", "|", "-Cw", "50"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
    sysORID$
    SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance$
    SNMP-MPD-MIB::snmpMPDCompliance$
    SNMP-USER-BASED-SM-MIB::usmMIBCompliance$
    SNMPv2-MIB::snmpMIB$
    SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup$
    TCP-MIB::tcpMIB$
    UDP-MIB::udpMIB$
    RFC1213-MIB::ip$
    SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance$
    NOTIFICATION-LOG-MIB::notificationLogMIB$
    $
    SNMP table SNMPv2-MIB::sysORTable, part 2$
    $
    |sysORDescr$
    |The SNMP Management Architecture MIB.$
    |The MIB for Message Processing and Dispatching.$
    |The management information definitions for the SNMP User-based Security Model.$
    |The MIB module for SNMPv2 entities$
    |View-based Access Control Model for SNMP.$
    |The MIB module for managing TCP implementations$
    |The MIB module for managing UDP implementations$
    |The MIB module for managing IP and ICMP implementations$
    |The MIB modules for managing SNMP Notification, plus filtering.$
    |The MIB module for logging SNMP Notifications.$
    $
    SNMP table SNMPv2-MIB::sysORTable, part 3$
    $
    |sysORUpTime$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    |0:0:00:00.00$
    """),
    (["-Cb", "-Cf", ";"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
    ID;Descr;UpTime$
    SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance;The SNMP Management Architecture MIB.;0:0:00:00.00$
    SNMP-MPD-MIB::snmpMPDCompliance;The MIB for Message Processing and Dispatching.;0:0:00:00.00$
    SNMP-USER-BASED-SM-MIB::usmMIBCompliance;The management information definitions for the SNMP User-based Security Model.;0:0:00:00.00$
    SNMPv2-MIB::snmpMIB;The MIB module for SNMPv2 entities;0:0:00:00.00$
    SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup;View-based Access Control Model for SNMP.;0:0:00:00.00$
    TCP-MIB::tcpMIB;The MIB module for managing TCP implementations;0:0:00:00.00$
    UDP-MIB::udpMIB;The MIB module for managing UDP implementations;0:0:00:00.00$
    RFC1213-MIB::ip;The MIB module for managing IP and ICMP implementations;0:0:00:00.00$
    SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance;The MIB modules for managing SNMP Notification, plus filtering.;0:0:00:00.00$
    NOTIFICATION-LOG-MIB::notificationLogMIB;The MIB module for logging SNMP Notifications.;0:0:00:00.00$
    """),
    (["-Cc", "12", "-Cf", ",", "-Ci", "-Cl"], """
    SNMP table: SNMPv2-MIB::sysORTable$
    $
    sysORID     sysORDescr  sysORUpTime $
    $
    index: 1$
    SNMP-FRAMEW The SNMP Ma 0:0:00:00.0 $
    $
    index: 2$
    SNMP-MPD-MI The MIB for 0:0:00:00.0 $
    $
    index: 3$
    SNMP-USER-B The managem 0:0:00:00.0 $
    $
    index: 4$
    SNMPv2-MIB: The MIB mod 0:0:00:00.0 $
    $
    index: 5$
    SNMP-VIEW-B View-based  0:0:00:00.0 $
    $
    index: 6$
    TCP-MIB::tc The MIB mod 0:0:00:00.0 $
    $
    index: 7$
    UDP-MIB::ud The MIB mod 0:0:00:00.0 $
    $
    index: 8$
    RFC1213-MIB The MIB mod 0:0:00:00.0 $
    $
    index: 9$
    SNMP-NOTIFI The MIB mod 0:0:00:00.0 $
    $
    index: 10$
    NOTIFICATIO The MIB mod 0:0:00:00.0 $
    """),
    (["-CH", "-Ci", "-Cw", "70"], """
         1  SNMP-FRAMEWORK-MIB::snmpFrameworkMIBCompliance$
         2                 SNMP-MPD-MIB::snmpMPDCompliance$
         3        SNMP-USER-BASED-SM-MIB::usmMIBCompliance$
         4                             SNMPv2-MIB::snmpMIB$
         5         SNMP-VIEW-BASED-ACM-MIB::vacmBasicGroup$
         6                                 TCP-MIB::tcpMIB$
         7                                 UDP-MIB::udpMIB$
         8                                 RFC1213-MIB::ip$
         9 SNMP-NOTIFICATION-MIB::snmpNotifyFullCompliance$
        10        NOTIFICATION-LOG-MIB::notificationLogMIB$
         1                                          The SNMP Management Architecture MIB.$
         2                                The MIB for Message Processing and Dispatching.$
         3 The management information definitions for the SNMP User-based Security Model.$
         4                                             The MIB module for SNMPv2 entities$
         5                                      View-based Access Control Model for SNMP.$
         6                                The MIB module for managing TCP implementations$
         7                                The MIB module for managing UDP implementations$
         8                        The MIB module for managing IP and ICMP implementations$
         9                The MIB modules for managing SNMP Notification, plus filtering.$
        10                                 The MIB module for logging SNMP Notifications.$
         1 0:0:00:00.00$
         2 0:0:00:00.00$
         3 0:0:00:00.00$
         4 0:0:00:00.00$
         5 0:0:00:00.00$
         6 0:0:00:00.00$
         7 0:0:00:00.00$
         8 0:0:00:00.00$
         9 0:0:00:00.00$
        10 0:0:00:00.00$
    """),
]
