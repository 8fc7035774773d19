// Reads .ics files as Thunderbird does, with Mozilla's ical.js, and prints
// every event's UID, SUMMARY, STATUS and start and end as UTC seconds:
// {"<file>": [{"uid": ..., "summary": ..., "status": ..., "start": s, "end": s}]}.
// Each calendar's own VTIMEZONE is the only zone ical.js knows while it
// reads that calendar, as for a zone it has not built in.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const result = {};
for (const file of process.argv.slice(2)) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  result[file] = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    if (!event.startDate.isDate && event.startDate.zone.tzid !== "Europe/Helsinki") {
      throw new Error(`${file}: ${event.uid} starts in zone ${event.startDate.zone.tzid}`);
    }
    return {
      uid: event.uid,
      summary: event.summary,
      status: component.getFirstPropertyValue("status"),
      start: event.startDate.isDate ? null : event.startDate.toUnixTime(),
      end: event.endDate && !event.endDate.isDate ? event.endDate.toUnixTime() : null,
    };
  });
}
process.stdout.write(JSON.stringify(result));
