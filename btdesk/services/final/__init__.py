"""The final assessment (slutbedömning): scheduled by the BT unit, judged by the extern bedömare
and the huvudhandledare, archived by the unit together with the dossier.

- `schedule`: the unit schedules it (a "final_assessment" record filed under the doctor) and
  writes the request file (.btfinalreq) that tells the two assessors whom and what they judge.
- `judgement`: each assessor signs uppnått / ej uppnått / ej bedömt per delmål and overall on
  their own profile (a "final_judgement" record, delivered as a .btfinal file); the unit
  imports it, verified against its trust store, refused when nothing is scheduled or the
  extern judgement is signed by someone other than the assigned assessor.
- `archive`: the dossier PDF, the decision (both judgements with their signatures) as JSON and
  the SHA-256 of both, published as one folder and kept in the store ("final_archive").
- `committee`: both judgements side by side per delmål for the competence committee.
- `codes`: the kinds, judgement and role codes all of them share.
"""
