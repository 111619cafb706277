/** Name pools for deterministic demo data: German and the nationalities common in the offices' caseloads. */
export const NATIONAL_POOLS = [
  { nationality: 'deutsch', weight: 55, female: ['Anna', 'Sabine', 'Julia', 'Petra', 'Laura', 'Monika', 'Sarah', 'Claudia', 'Lea', 'Ingrid', 'Nicole', 'Jana'], male: ['Thomas', 'Michael', 'Andreas', 'Stefan', 'Lukas', 'Jürgen', 'Markus', 'Daniel', 'Klaus', 'Tobias', 'Jan', 'Uwe'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Krause', 'Meier', 'Lehmann', 'Schmid', 'Schulze'] },
  { nationality: 'türkisch', weight: 10, female: ['Ayşe', 'Fatma', 'Elif', 'Zeynep', 'Emine', 'Merve'], male: ['Mehmet', 'Mustafa', 'Ahmet', 'Ali', 'Hüseyin', 'Emre'], last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın'] },
  { nationality: 'syrisch', weight: 8, female: ['Fatima', 'Amira', 'Rania', 'Huda', 'Lina'], male: ['Mohammed', 'Ahmad', 'Omar', 'Khaled', 'Yusuf'], last: ['Al-Hassan', 'Haddad', 'Khalil', 'Ibrahim', 'Mansour', 'Nasser'] },
  { nationality: 'polnisch', weight: 6, female: ['Agnieszka', 'Katarzyna', 'Małgorzata', 'Joanna'], male: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński'] },
  { nationality: 'rumänisch', weight: 5, female: ['Elena', 'Ioana', 'Maria', 'Andreea'], male: ['Ion', 'Gheorghe', 'Andrei', 'Mihai'], last: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan'] },
  { nationality: 'ukrainisch', weight: 6, female: ['Olena', 'Tetiana', 'Iryna', 'Natalia'], male: ['Oleksandr', 'Serhii', 'Andrii', 'Dmytro'], last: ['Melnyk', 'Shevchenko', 'Bondarenko', 'Kovalenko', 'Tkachenko'] },
  { nationality: 'eritreisch', weight: 3, female: ['Senait', 'Helen', 'Mebrat'], male: ['Yonas', 'Dawit', 'Samuel'], last: ['Tesfay', 'Gebremedhin', 'Haile', 'Berhane'] },
  { nationality: 'afghanisch', weight: 4, female: ['Maryam', 'Zahra', 'Nasima'], male: ['Ahmad', 'Mohammad', 'Farid'], last: ['Ahmadi', 'Rahimi', 'Karimi', 'Hosseini'] },
  { nationality: 'italienisch', weight: 3, female: ['Giulia', 'Francesca', 'Chiara'], male: ['Marco', 'Luca', 'Giuseppe'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito'] },
];

export const STUTTGART_DISTRICTS = ['Mitte', 'Nord', 'Ost', 'Süd', 'West', 'Bad Cannstatt', 'Feuerbach', 'Zuffenhausen', 'Vaihingen', 'Möhringen', 'Degerloch', 'Untertürkheim', 'Weilimdorf', 'Mühlhausen', 'Sillenbuch', 'Hedelfingen'];
export const BERLIN_DISTRICTS = ['Mitte', 'Moabit', 'Wedding', 'Gesundbrunnen', 'Tiergarten', 'Hansaviertel'];

export const NEEDS_NOTES = [
  'Benötigt Erdgeschoss oder Aufzug wegen Gehbehinderung.',
  'Kinder besuchen Schule im Stadtteil, Umzug möglichst in der Nähe.',
  'Arbeitet im Schichtdienst, gute ÖPNV-Anbindung wichtig.',
  'Hund (mittelgroß) lebt im Haushalt.',
  'Psychische Belastung, enge Begleitung durch Sozialarbeit gewünscht.',
  'Schwangerschaft, Geburtstermin in vier Monaten.',
  'Suchtproblematik in Behandlung, stabile Wohnform wichtig.',
  null,
  null,
  null,
];

export const JOURNAL_TEXTS = [
  'Erstgespräch in der Unterkunft geführt, Unterlagen zur Wohnungssuche besprochen.',
  'Telefonat mit Jobcenter wegen Übernahme der Kosten der Unterkunft.',
  'Hausbesuch: Haushalt war anwesend, Situation stabil.',
  'Haushalt zum Termin nicht erschienen, neuer Termin per Brief vereinbart.',
  'Unterlagen (Einkommensnachweise, SCHUFA) vollständig eingereicht.',
  'Gespräch zu Wohnwünschen und Stadtteilen geführt.',
];
