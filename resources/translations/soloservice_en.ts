<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CustomerCounts</name>
    <message numerus="yes">
        <source>Merged %1 into %2 (%n inquiry(s) moved)</source>
        <translation>
            <numerusform>Merged %1 into %2 (%n inquiry moved)</numerusform>
            <numerusform>Merged %1 into %2 (%n inquiries moved)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GdprCounts</name>
    <message numerus="yes">
        <source>Customer %1 forgotten: %n message(s) deleted</source>
        <translation>
            <numerusform>Customer %1 forgotten: %n message deleted</numerusform>
            <numerusform>Customer %1 forgotten: %n messages deleted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HtmlView</name>
    <message numerus="yes">
        <source>Remote content loaded for this message (%n image(s)).</source>
        <translation>
            <numerusform>Remote content loaded for this message (%n image).</numerusform>
            <numerusform>Remote content loaded for this message (%n images).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailSync</name>
    <message numerus="yes">
        <source>%n added to conversation(s)</source>
        <translation>
            <numerusform>%n added to a conversation</numerusform>
            <numerusform>%n added to conversations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s), see the warning</source>
        <translation>
            <numerusform>%n problem, see the warning</numerusform>
            <numerusform>%n problems, see the warning</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1: %n inquiry(s) — pick a view on the left to go back</source>
        <extracomment>the main window&apos;s context, for its counted message (soloservice/plurals.py)</extracomment>
        <translation>
            <numerusform>%1: %n inquiry — pick a view on the left to go back</numerusform>
            <numerusform>%1: %n inquiries — pick a view on the left to go back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message numerus="yes">
        <source>Double-click to open these %n inquiries.</source>
        <extracomment>metrics where anything above zero needs the founder&apos;s attention</extracomment>
        <translation>
            <numerusform>Double-click to open the inquiry.</numerusform>
            <numerusform>Double-click to open these %n inquiries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s) — likely %2–%3 unhappy customers who said nothing</source>
        <translation>
            <numerusform>%n complaint — likely %2–%3 unhappy customers who said nothing</numerusform>
            <numerusform>%n complaints — likely %2–%3 unhappy customers who said nothing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocialCounts</name>
    <message numerus="yes">
        <source>Social: %n new message(s)</source>
        <translation>
            <numerusform>Social: %n new message</numerusform>
            <numerusform>Social: %n new messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <source>%n inquiries due within the hour</source>
        <translation>
            <numerusform>%n inquiry due within the hour</numerusform>
            <numerusform>%n inquiries due within the hour</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message numerus="yes">
        <source>Asked %n customer(s)</source>
        <translation>
            <numerusform>Asked %n customer</numerusform>
            <numerusform>Asked %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) could not be used: %1</source>
        <translation>
            <numerusform>%n row could not be used: %1</numerusform>
            <numerusform>%n rows could not be used: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) imported with something to check: %1</source>
        <translation>
            <numerusform>%n row imported with something to check: %1</numerusform>
            <numerusform>%n rows imported with something to check: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This month&apos;s pulse: %n customer(s) proposed</source>
        <translation>
            <numerusform>This month&apos;s pulse: %n customer proposed</numerusform>
            <numerusform>This month&apos;s pulse: %n customers proposed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send to %n customer(s)</source>
        <translation>
            <numerusform>&amp;Send to %n customer</numerusform>
            <numerusform>&amp;Send to %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Mail the 0–10 question to %n customer(s) now? This cannot be taken back.</source>
        <translation>
            <numerusform>Mail the 0–10 question to %n customer now? This cannot be taken back.</numerusform>
            <numerusform>Mail the 0–10 question to %n customers now? This cannot be taken back.</numerusform>
        </translation>
    </message>
</context>
</TS>
