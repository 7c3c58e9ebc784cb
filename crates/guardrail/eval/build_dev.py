#!/usr/bin/env python3
"""Turn the hand-labelled sets (<set>_en.txt, <set>_ja.txt: one reply per line, spans
marked [[LABEL:text]], a line break inside a reply written as the two characters `\\n`)
into <set>.jsonl with UTF-8 byte offsets.

Sets: `dev` (used while building the detectors), `check` (written afterwards, scored
once, then used to fix general causes), `blind1` to `blind358`
(written by three hundred and fifty-eight helpers who saw neither the detectors nor these sets nor each
other's; each was scored once blind before its errors were read, or held out: see
docs/benchmarks.md)."""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"\[\[(PERSON|EMAIL|PHONE|ADDRESS|POSTAL_CODE):(.*?)\]\]")


def convert(line):
    line = line.replace("\\n", "\n")
    text, spans, pos = b"", [], 0
    for m in MARK.finditer(line):
        text += line[pos:m.start()].encode()
        start = len(text)
        text += m.group(2).encode()
        spans.append({"start": start, "end": len(text), "label": m.group(1)})
        pos = m.end()
    text += line[pos:].encode()
    return text.decode(), spans


def build(name):
    out = []
    for lang in ("en", "ja"):
        with open(os.path.join(HERE, f"{name}_{lang}.txt"), encoding="utf-8") as f:
            for n, line in enumerate(l.rstrip("\n") for l in f):
                if line.strip():
                    text, spans = convert(line)
                    out.append({"id": f"{name}-{lang}-{n + 1:03d}", "lang": lang, "text": text, "spans": spans})
    with open(os.path.join(HERE, f"{name}.jsonl"), "w", encoding="utf-8") as f:
        for item in out:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{name}: {len(out)} replies, {sum(not i['spans'] for i in out)} without PII")


def main():
    for name in ("dev", "check", "blind1", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22", "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30", "blind31", "blind32", "blind33", "blind34", "blind35", "blind36", "blind37", "blind38", "blind39", "blind40", "blind41", "blind42", "blind43", "blind44", "blind45", "blind46", "blind47", "blind48", "blind49", "blind50", "blind51", "blind52", "blind53", "blind54", "blind55", "blind56", "blind57", "blind58", "blind59", "blind60", "blind61", "blind62", "blind63", "blind64", "blind65", "blind66", "blind67", "blind68", "blind69", "blind70", "blind71", "blind72", "blind73", "blind74", "blind75", "blind76", "blind77", "blind78", "blind79", "blind80", "blind81", "blind82", "blind83", "blind84", "blind85", "blind86", "blind87", "blind88", "blind89", "blind90", "blind91", "blind92", "blind93", "blind94", "blind95", "blind96", "blind97", "blind98", "blind99", "blind100", "blind101", "blind102", "blind103", "blind104", "blind105", "blind106", "blind107", "blind108", "blind109", "blind110", "blind111", "blind112", "blind113", "blind114", "blind115", "blind116", "blind117", "blind118", "blind119", "blind120", "blind121", "blind122", "blind123", "blind124", "blind125", "blind126", "blind127", "blind128", "blind129", "blind130", "blind131", "blind132", "blind133", "blind134", "blind135", "blind136", "blind137", "blind138", "blind139", "blind140", "blind141", "blind142", "blind143", "blind144", "blind145", "blind146", "blind147", "blind148", "blind149", "blind150", "blind151", "blind152", "blind153", "blind154", "blind155", "blind156", "blind157", "blind158", "blind159", "blind160", "blind161", "blind162", "blind163", "blind164", "blind165", "blind166", "blind167", "blind168", "blind169", "blind170", "blind171", "blind172", "blind173", "blind174", "blind175", "blind176", "blind177", "blind178", "blind179", "blind180", "blind181", "blind182", "blind183", "blind184", "blind185", "blind186", "blind187", "blind188", "blind189", "blind190", "blind191", "blind192", "blind193", "blind194", "blind195", "blind196", "blind197", "blind198", "blind199", "blind200", "blind201", "blind202", "blind203", "blind204", "blind205", "blind206", "blind207", "blind208", "blind209", "blind210", "blind211", "blind212", "blind213", "blind214", "blind215", "blind216", "blind217", "blind218", "blind219", "blind220", "blind221", "blind222", "blind223", "blind224", "blind225", "blind226", "blind227", "blind228", "blind229", "blind230", "blind231", "blind232", "blind233", "blind234", "blind235", "blind236", "blind237", "blind238", "blind239", "blind240", "blind241", "blind242", "blind243", "blind244", "blind245", "blind246", "blind247", "blind248", "blind249", "blind250", "blind251", "blind252", "blind253", "blind254", "blind255", "blind256", "blind257", "blind258", "blind259", "blind260", "blind261", "blind262", "blind263", "blind264", "blind265", "blind266", "blind267", "blind268", "blind269", "blind270", "blind271", "blind272", "blind273", "blind274", "blind275", "blind276", "blind277", "blind278", "blind279", "blind280", "blind281", "blind282", "blind283", "blind284", "blind285", "blind286", "blind287", "blind288", "blind289", "blind290", "blind291", "blind292", "blind293", "blind294", "blind295", "blind296", "blind297", "blind298", "blind299", "blind300", "blind301", "blind302", "blind303", "blind304", "blind305", "blind306", "blind307", "blind308", "blind309", "blind310", "blind311", "blind312", "blind313", "blind314", "blind315", "blind316", "blind317", "blind318", "blind319", "blind320", "blind321", "blind322", "blind323", "blind324", "blind325", "blind326", "blind327", "blind328", "blind329", "blind330", "blind331", "blind332", "blind333", "blind334", "blind335", "blind336", "blind337", "blind338", "blind339", "blind340", "blind341", "blind342", "blind343", "blind344", "blind345", "blind346", "blind347", "blind348", "blind349", "blind350", "blind351", "blind352", "blind353", "blind354", "blind355", "blind356", "blind357", "blind358"):
        build(name)


if __name__ == "__main__":
    main()
