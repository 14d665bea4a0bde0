// Word lists for generated companies. Names are common international given and
// family names; offices are real cities with fictional street addresses.

export const GIVEN_NAMES = [
  'Ada', 'Adrian', 'Aisha', 'Alejandro', 'Alice', 'Amara', 'Amir', 'Ana', 'Andrea', 'Anika', 'Arjun', 'Ava', 'Ben',
  'Bianca', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Dara', 'David', 'Elena', 'Elif', 'Emma', 'Eric', 'Fatima', 'Felix',
  'Freya', 'Gabriel', 'Grace', 'Hana', 'Hassan', 'Ines', 'Isaac', 'Ivan', 'Jade', 'James', 'Jin', 'Jonas', 'Julia',
  'Kai', 'Kenji', 'Lara', 'Leo', 'Lina', 'Lucas', 'Maya', 'Mei', 'Mia', 'Mohammed', 'Nadia', 'Nina', 'Noah', 'Olga',
  'Omar', 'Priya', 'Rafael', 'Rosa', 'Ruth', 'Sam', 'Sara', 'Sofia', 'Tariq', 'Theo', 'Uma', 'Victor', 'Wei', 'Yara',
  'Yusuf', 'Zara', 'Zoe',
] as const;

export const FAMILY_NAMES = [
  'Abe', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersen', 'Baker', 'Bauer', 'Becker', 'Bianchi', 'Brown', 'Castro', 'Chen',
  'Cohen', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'Garcia', 'Gonzalez', 'Haddad', 'Hansen', 'Hoffmann', 'Ito',
  'Jansen', 'Johnson', 'Kaur', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Meyer', 'Moreau',
  'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Olsen', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Rossi',
  'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Sousa', 'Suzuki', 'Tanaka', 'Taylor', 'Thomas', 'Virtanen',
  'Wagner', 'Walker', 'Wang', 'Weber', 'Williams', 'Wilson', 'Yamamoto', 'Yilmaz', 'Zhang',
] as const;

export interface Department {
  name: string;
  costCenter: string;
  roles: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'Engineering', costCenter: 'CC-100', roles: ['Software Engineer', 'Site Reliability Engineer', 'QA Engineer'] },
  { name: 'Product', costCenter: 'CC-110', roles: ['Product Manager', 'Product Designer', 'UX Researcher'] },
  { name: 'Sales', costCenter: 'CC-200', roles: ['Account Executive', 'Sales Development Representative', 'Solutions Engineer'] },
  { name: 'Marketing', costCenter: 'CC-210', roles: ['Content Marketer', 'Growth Marketer', 'Brand Designer'] },
  { name: 'Customer Success', costCenter: 'CC-220', roles: ['Customer Success Manager', 'Support Specialist', 'Onboarding Specialist'] },
  { name: 'Finance', costCenter: 'CC-300', roles: ['Financial Analyst', 'Accountant', 'Payroll Specialist'] },
  { name: 'People', costCenter: 'CC-310', roles: ['People Partner', 'Recruiter', 'Learning Specialist'] },
  { name: 'IT', costCenter: 'CC-320', roles: ['IT Administrator', 'Security Engineer', 'Service Desk Analyst'] },
];

export interface Office {
  name: string;
  streetAddress: string;
  locality: string;
  postalCode: string;
  country: string;
  phonePrefix: string;
}

export const OFFICES: readonly Office[] = [
  { name: 'London', streetAddress: '12 Example Street', locality: 'London', postalCode: 'EC1A 1AA', country: 'GB', phonePrefix: '+44 20 7946 ' },
  { name: 'New York', streetAddress: '400 Sample Avenue', locality: 'New York', postalCode: '10001', country: 'US', phonePrefix: '+1 212 555 ' },
  { name: 'Berlin', streetAddress: 'Beispielstraße 5', locality: 'Berlin', postalCode: '10115', country: 'DE', phonePrefix: '+49 30 901820 ' },
  { name: 'Singapore', streetAddress: '8 Demo Road', locality: 'Singapore', postalCode: '018989', country: 'SG', phonePrefix: '+65 6555 ' },
  { name: 'São Paulo', streetAddress: 'Rua Exemplo 100', locality: 'São Paulo', postalCode: '01310-100', country: 'BR', phonePrefix: '+55 11 5555 ' },
];

export const LEVEL_TITLES = ['Chief Executive Officer', 'Vice President', 'Director', 'Manager', 'Team Lead'] as const;
