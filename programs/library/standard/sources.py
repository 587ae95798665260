"""Where the standard exercises come from, as shown to clinicians on each exercise's page."""

MCKENZIE = (
    "McKenzie R, May S. The Lumbar Spine: Mechanical Diagnosis and Therapy, 2nd ed. (2003): "
    "the extension progression."
)
MCGILL = "McGill SM. Low Back Disorders, 3rd ed. (2016): abdominal bracing."
MCGILL_BIG3 = (
    "McGill SM. Low Back Disorders, 3rd ed. (2016): the 'big three' core endurance exercises "
    "(curl-up, side bridge, bird-dog)."
)
MCGILL_CAT_CAMEL = (
    "McGill SM. Low Back Disorders, 3rd ed. (2016): the cat-camel motion before the core "
    "exercises, to move the spine through its range without load."
)
MCGILL_PLANK = "McGill SM. Low Back Disorders, 3rd ed. (2016): the front plank (prone bridge)."
NHS_EXERCISES = (
    "NHS back pain exercise advice (knee rolls, pelvic tilts, knee to chest, bridges); "
    "NICE NG59 (2016, updated 2020) recommends exercise for low back pain."
)
WILLIAMS = (
    "Williams PC. Lesions of the lumbosacral spine (1937): flexion exercises, of which the "
    "knee to chest stretch is still widely prescribed."
)
ACSM_STRETCH = (
    "ACSM's Guidelines for Exercise Testing and Prescription, 11th ed. (2021): static "
    "stretches held 10-30 s, repeated 2-4 times."
)
ACSM_STRENGTH = (
    "ACSM's Guidelines for Exercise Testing and Prescription, 11th ed. (2021): resistance "
    "exercise 2-3 days a week; NICE NG59 (2016, updated 2020) recommends exercise programmes."
)
MOTOR_CONTROL = (
    "Motor control (stabilisation) exercise programmes, among the exercise options of NICE "
    "NG59 (2016, updated 2020)."
)
HSE_LIFTING = (
    "HSE INDG143 Manual handling at work: bend the hips and knees, keep the load close, keep "
    "the back's natural curve; the wall slide rehearses that movement."
)
